# API tests of uploads (§25), places (§12), plans (§13), cameras (§2) and Orion (§10). The helper
# library makes test images with QImage, hence QtGui (tests only; core never links it).
find_package(Qt6 6.4 REQUIRED COMPONENTS Gui)
add_library(vms_sites_fixture STATIC
    ${CMAKE_CURRENT_LIST_DIR}/sites_fixture.h
    ${CMAKE_CURRENT_LIST_DIR}/sites_fixture.cpp)
target_link_libraries(vms_sites_fixture PUBLIC vms_api_fixture Qt6::Gui)

vms_add_test(NAME tst_api_uploads LABEL api SOURCES tst_api_uploads.cpp LIBS vms_sites_fixture)
vms_add_test(NAME tst_api_places LABEL api SOURCES tst_api_places.cpp LIBS vms_sites_fixture)
vms_add_test(NAME tst_api_plans LABEL api SOURCES tst_api_plans.cpp LIBS vms_sites_fixture)
vms_add_test(NAME tst_api_cameras LABEL api SOURCES tst_api_cameras.cpp LIBS vms_sites_fixture)
vms_add_test(NAME tst_api_orion LABEL api SOURCES tst_api_orion.cpp
             LIBS vms_sites_fixture Qt6::Network)
