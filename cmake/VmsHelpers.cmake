# vms_add_test(NAME <name> LABEL unit|api|ui|e2e SOURCES ... LIBS ... [TIMEOUT s])
# One QtTest executable per class; registered with ctest under the given label.
function(vms_add_test)
    cmake_parse_arguments(T "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBS" ${ARGN})
    if(NOT T_LABEL MATCHES "^(unit|api|ui|e2e)$")
        message(FATAL_ERROR "vms_add_test(${T_NAME}): LABEL must be unit, api, ui or e2e")
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS ${T_LABEL}
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=${CMAKE_BINARY_DIR}/xdg-runtime;VMS_OPENAPI_JSON=${VMS_OPENAPI_JSON}")
endfunction()
