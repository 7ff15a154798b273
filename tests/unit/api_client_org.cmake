# Included from tests/unit/CMakeLists.txt: the client's wire types of the organization model and
# sites, the multipart encoder and the page loader (pure; the server's multipart parser checks the
# encoder) ...
vms_add_test(NAME tst_api_client_dto LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_api_client_dto.cpp
    LIBS Vms::Client Vms::Server)
# ... and every organization-model and site method of ApiClient against the in-process server.
vms_add_test(NAME tst_api_client_org LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_api_client_org.cpp
    LIBS Vms::Client Vms::Server)
