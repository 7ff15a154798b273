# Included from tests/unit/CMakeLists.txt: the REST client against the in-process server.
vms_add_test(NAME tst_api_client LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_api_client.cpp
    LIBS Vms::Client Vms::Server Qt6::Network)
