# API tests of ONVIF camera control (§8, 25 operations) against app/onvif-camera-sim, which
# Vms::TestOnvifSim starts (its library depends on the simulator target, so it is built first).
vms_add_test(NAME tst_api_onvif LABEL api TIMEOUT 120 SOURCES tst_api_onvif.cpp
             LIBS vms_sites_fixture Vms::TestOnvifSim)
add_dependencies(tst_api_onvif onvif-camera-sim)
