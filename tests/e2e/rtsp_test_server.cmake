# The RTSP test server (tests/support/rtsp_server) read back over RTSP/TCP with libavformat and
# decoded with libavcodec; also serves an MP4 and an MKV made by the ffmpeg CLI.
pkg_check_modules(VMS_RTSP_TEST_FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libavutil)
vms_add_test(NAME tst_rtsp_test_server LABEL e2e TIMEOUT 120
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_rtsp_test_server.cpp
    LIBS Vms::TestRtsp PkgConfig::VMS_RTSP_TEST_FFMPEG)
