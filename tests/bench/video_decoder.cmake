# bench_video_decoder: VideoDecoder benchmarks (run by bench_video_decoder.sh, not by ctest): 16
# live decoders next to 16 ffmpeg CLI decoders on one RTSP test server, and the time to the first
# frame next to `ffmpeg -fflags nobuffer`. Prints figures, never fails on time.
if(TARGET vms-rtsp-test-server)
    add_executable(bench_video_decoder ${CMAKE_CURRENT_SOURCE_DIR}/bench_video_decoder.cpp)
    target_link_libraries(bench_video_decoder PRIVATE Vms::Media Vms::TestRtsp Qt6::Core)
endif()
