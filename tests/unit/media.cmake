# core/media: the pure parts (unit), the segment recorder fed with encoded test-pattern packets,
# and the stream worker in real time (test pattern, looped files, unreachable and silent RTSP).
vms_add_test(NAME tst_media_units LABEL unit SOURCES tst_media_units.cpp LIBS Vms::Media)

find_package(OpenCV REQUIRED COMPONENTS core imgcodecs)
vms_add_test(NAME tst_segment_recorder LABEL unit TIMEOUT 120
    SOURCES tst_segment_recorder.cpp media_test_util.h
    LIBS Vms::Media PkgConfig::VMS_FFMPEG)
vms_add_test(NAME tst_stream_worker LABEL unit TIMEOUT 300
    SOURCES tst_stream_worker.cpp media_test_util.h
    LIBS Vms::Media PkgConfig::VMS_FFMPEG Qt6::Network opencv_core opencv_imgcodecs)
target_include_directories(tst_stream_worker SYSTEM PRIVATE ${OpenCV_INCLUDE_DIRS})
