# Unit tests of core/ and server/http/, one executable per class (included from
# tests/unit/CMakeLists.txt).
vms_add_test(NAME tst_token_signer LABEL unit SOURCES tst_token_signer.cpp LIBS Vms::Core)
vms_add_test(NAME tst_password_hasher LABEL unit SOURCES tst_password_hasher.cpp
             LIBS Vms::Core PkgConfig::ARGON2)
vms_add_test(NAME tst_login_throttle LABEL unit SOURCES tst_login_throttle.cpp LIBS Vms::Core)
vms_add_test(NAME tst_page_cursor LABEL unit SOURCES tst_page_cursor.cpp LIBS Vms::Core)
vms_add_test(NAME tst_database LABEL unit SOURCES tst_database.cpp
             LIBS Vms::Core Qt6::Concurrent)
vms_add_test(NAME tst_user_repository LABEL unit SOURCES tst_user_repository.cpp LIBS Vms::Core)
vms_add_test(NAME tst_session_repository LABEL unit SOURCES tst_session_repository.cpp
             LIBS Vms::Core)
vms_add_test(NAME tst_audit_repository LABEL unit SOURCES tst_audit_repository.cpp LIBS Vms::Core)
vms_add_test(NAME tst_auth_service LABEL unit SOURCES tst_auth_service.cpp LIBS Vms::Core)
vms_add_test(NAME tst_router LABEL unit SOURCES tst_router.cpp LIBS Vms::Server)
vms_add_test(NAME tst_field_reader LABEL unit SOURCES tst_field_reader.cpp LIBS Vms::Server)

# Starts a throwaway PostgreSQL cluster (tests/support/postgres_fixture.h), hence e2e.
vms_add_test(NAME tst_database_postgres LABEL e2e TIMEOUT 600 SOURCES tst_database_postgres.cpp
             LIBS vms_pg_fixture Vms::Server Vms::Core Qt6::Network Qt6::Concurrent)
vms_add_test(NAME tst_archive_repository LABEL unit SOURCES tst_archive_repository.cpp
             LIBS Vms::Core)
