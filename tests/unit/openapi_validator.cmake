# Included from tests/unit/CMakeLists.txt.
vms_add_test(NAME tst_openapi_validator LABEL unit SOURCES tst_openapi_validator.cpp LIBS Vms::TestSupport)
