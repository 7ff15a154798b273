vms_add_test(NAME tst_api_cameras_render LABEL api SOURCES tst_api_cameras_render.cpp LIBS vms_api_fixture)
