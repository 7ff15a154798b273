# core/media's VideoDecoder against the RTSP test server: live 720p to BGRA, time to the first
# frame, tile-size scaling, keyframes only, slow consumer, falling behind, reconnect.
vms_add_test(NAME tst_video_decoder_rtsp LABEL e2e TIMEOUT 240
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_video_decoder_rtsp.cpp
            ${PROJECT_SOURCE_DIR}/tests/unit/video_test_util.h
    LIBS Vms::Media Vms::TestRtsp)

