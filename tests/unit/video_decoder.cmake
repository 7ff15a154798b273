# core/media's VideoDecoder (the console's tile and archive decoder) and its FrameSlot: paced
# playback of files and of an archive segment over HTTP (clips made with the ffmpeg CLI),
# scaling, keyframes only, BGRA conversion, stop() while connecting. Live RTSP: tests/e2e.
vms_add_test(NAME tst_frame_slot LABEL unit SOURCES tst_frame_slot.cpp LIBS Vms::Media)
vms_add_test(NAME tst_video_decoder LABEL unit TIMEOUT 180
    SOURCES tst_video_decoder.cpp video_test_util.h
    LIBS Vms::Media Qt6::Network)
