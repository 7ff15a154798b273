# API tests of organizations (§9), groups (§6), roles and permissions (§16, §11) and user
# administration (§26). Their setup goes through the API itself (admin_fixture.h).
add_library(vms_admin_fixture STATIC
    ${CMAKE_CURRENT_LIST_DIR}/admin_fixture.h
    ${CMAKE_CURRENT_LIST_DIR}/admin_fixture.cpp)
target_link_libraries(vms_admin_fixture PUBLIC vms_api_fixture)

vms_add_test(NAME tst_api_organizations LABEL api SOURCES tst_api_organizations.cpp
             LIBS vms_admin_fixture)
vms_add_test(NAME tst_api_groups LABEL api SOURCES tst_api_groups.cpp
             LIBS vms_admin_fixture vms_sites_fixture)
vms_add_test(NAME tst_api_roles LABEL api SOURCES tst_api_roles.cpp LIBS vms_admin_fixture)
vms_add_test(NAME tst_api_users LABEL api SOURCES tst_api_users.cpp
             LIBS vms_admin_fixture vms_sites_fixture)
