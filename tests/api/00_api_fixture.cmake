# Included from tests/api/CMakeLists.txt (sorted first): the setup shared by every API test.
add_library(vms_api_fixture STATIC
    ${CMAKE_CURRENT_LIST_DIR}/api_fixture.h
    ${CMAKE_CURRENT_LIST_DIR}/api_fixture.cpp)
target_link_libraries(vms_api_fixture PUBLIC Vms::Server Vms::TestSupport Qt6::Test)
