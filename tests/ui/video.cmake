# Video in the console: the live grid and archive playback (ui/video/).
# Rules without a server or a decoder: zoom, ranges, layout keys, timeline, frame painting.
vms_add_test(NAME tst_video_rules LABEL ui
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_video_rules.cpp
    LIBS Vms::Ui)
# End to end: the RTSP test server's streams in the live grid of the main window (substreams,
# maximise to the main stream, key frames when hidden, saved layouts) and archive playback of
# what an ingesting in-process server recorded. Screenshots land in the build directory.
vms_add_test(NAME tst_live_video LABEL ui TIMEOUT 300
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_live_video.cpp
    LIBS Vms::Ui Vms::Server Vms::TestSupport Vms::TestRtsp)
set_tests_properties(tst_live_video PROPERTIES WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
# The Russian catalogue under :/i18n (the .qm tst_console_shell compiles), for the translated grid.
qt_add_resources(tst_live_video tst_live_video_translations
    PREFIX "/i18n"
    BASE "${CMAKE_CURRENT_BINARY_DIR}"
    FILES ${tst_console_shell_qm})
add_dependencies(tst_live_video tst_console_shell_lrelease)
