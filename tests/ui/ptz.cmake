# PTZ panel and ONVIF camera settings in the console, against the in-process server and the
# ONVIF camera simulator (press/release -> ContinuousMove then Stop, presets, no-PTZ camera,
# imaging, wrong camera password). Screenshots land in the build directory.
vms_add_test(NAME tst_ptz_console LABEL ui TIMEOUT 300
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_ptz_console.cpp
    LIBS Vms::Ui Vms::Server Vms::TestSupport Vms::TestOnvifSim)
set_tests_properties(tst_ptz_console PROPERTIES WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
