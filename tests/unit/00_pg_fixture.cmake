# A throwaway PostgreSQL 15 cluster for tests (tests/support/postgres_fixture.h). Kept out of
# vms_test_support so that only the tests that need a server link it. Included (first, by name)
# from tests/unit/CMakeLists.txt.
add_library(vms_pg_fixture STATIC
    ${PROJECT_SOURCE_DIR}/tests/support/postgres_fixture.h
    ${PROJECT_SOURCE_DIR}/tests/support/postgres_fixture.cpp)
target_link_libraries(vms_pg_fixture PUBLIC Qt6::Core Qt6::Network Qt6::Test)
