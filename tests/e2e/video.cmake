# Video end to end (issue "Video"): the server's ingest, recording and archive API against the
# RTSP test server, decoded with FFmpeg; ffprobe opens the HLS index.
pkg_check_modules(VMS_VIDEO_TEST_FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libavutil)
add_library(vms_test_media STATIC ${PROJECT_SOURCE_DIR}/tests/support/media_probe.h
                                  ${PROJECT_SOURCE_DIR}/tests/support/media_probe.cpp)
target_link_libraries(vms_test_media PUBLIC Qt6::Core PkgConfig::VMS_VIDEO_TEST_FFMPEG)
vms_add_test(NAME tst_video_api LABEL e2e TIMEOUT 300
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_video_api.cpp
    LIBS vms_api_fixture vms_test_media Vms::TestRtsp Vms::Core Qt6::Network)
vms_add_test(NAME tst_video_crash LABEL e2e TIMEOUT 300
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_video_crash.cpp
    LIBS vms_test_media Vms::TestRtsp Vms::TestSupport Qt6::Network)
target_compile_definitions(tst_video_crash PRIVATE
    VMS_SERVER_BINARY="$<TARGET_FILE:vms-server>")
add_dependencies(tst_video_crash vms-server)
