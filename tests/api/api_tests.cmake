# Included from tests/api/CMakeLists.txt: one executable per route group, each with an in-process
# server on 127.0.0.1 (see api_fixture.h).
vms_add_test(NAME tst_api_token LABEL api SOURCES tst_api_token.cpp LIBS vms_api_fixture)
vms_add_test(NAME tst_api_users_me LABEL api SOURCES tst_api_users_me.cpp LIBS vms_api_fixture)
vms_add_test(NAME tst_api_auditlogs LABEL api SOURCES tst_api_auditlogs.cpp LIBS vms_api_fixture)
vms_add_test(NAME tst_api_http LABEL api SOURCES tst_api_http.cpp LIBS vms_api_fixture)
