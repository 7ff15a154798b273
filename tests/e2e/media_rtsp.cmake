# core/media's StreamWorker against the RTSP test server (gst-rtsp-server): ingest, recording,
# outage and recovery on the same port, UDP transport.
vms_add_test(NAME tst_stream_worker_rtsp LABEL e2e TIMEOUT 180
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_stream_worker_rtsp.cpp
    LIBS Vms::Media Vms::TestRtsp)

# CPU per stream of ingest + recording (looped files; RTSP next to the ffmpeg CLI), ~70 s.
vms_add_test(NAME tst_media_cpu LABEL e2e TIMEOUT 300
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_media_cpu.cpp
    LIBS Vms::Media Vms::TestRtsp PkgConfig::VMS_FFMPEG)
