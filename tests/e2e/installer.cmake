# The DEB package: built with CPack, unpacked into a scratch root, its vms-server run.
find_program(VMS_CURL curl)
if(NOT CMAKE_HOST_WIN32)
    add_test(NAME e2e_deb_package
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/test_deb_package.sh ${CMAKE_BINARY_DIR})
    set_tests_properties(e2e_deb_package PROPERTIES LABELS e2e TIMEOUT 600 RUN_SERIAL TRUE)
endif()
