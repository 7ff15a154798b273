vms_add_test(NAME tst_api_sources_v2 LABEL api SOURCES tst_api_sources_v2.cpp LIBS vms_api_fixture)
