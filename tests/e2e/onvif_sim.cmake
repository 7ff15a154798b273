# onvif-camera-sim (app/onvif-camera-sim): on the wire with hand-made SOAP and its picture read
# back with the ffmpeg CLI (tst_onvif_camera_sim), and driven by the npm `onvif` client under node
# (tst_onvif_interop). The npm packages are fetched at build time by scripts/fetch-onvif-npm.sh
# (npm pack, SHA-256 pinned, cached in VMS_NPM_CACHE so that a filled cache builds offline) and
# unpacked into ${CMAKE_BINARY_DIR}/onvif-npm/node_modules.
vms_add_test(NAME tst_onvif_camera_sim LABEL e2e TIMEOUT 240
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_onvif_camera_sim.cpp
    LIBS Vms::TestOnvifSim Qt6::Network)

find_program(VMS_NODE node)
if(NOT VMS_NODE)
    message(WARNING "node not found: tst_onvif_interop is not built (scripts/install-deps.sh --with-tests)")
    return()
endif()
if(DEFINED ENV{VMS_NPM_CACHE} AND NOT "$ENV{VMS_NPM_CACHE}" STREQUAL "")
    set(_vms_npm_cache_default "$ENV{VMS_NPM_CACHE}")
else()
    set(_vms_npm_cache_default "$ENV{HOME}/.cache/vms/npm")
endif()
set(VMS_NPM_CACHE "${_vms_npm_cache_default}" CACHE PATH
    "Where scripts/fetch-onvif-npm.sh keeps the npm tarballs of the ONVIF interop test")
set(_vms_onvif_npm_dir "${CMAKE_BINARY_DIR}/onvif-npm")
add_custom_command(
    OUTPUT "${_vms_onvif_npm_dir}/node_modules/.complete"
    COMMAND ${CMAKE_COMMAND} -E env "VMS_NPM_CACHE=${VMS_NPM_CACHE}"
            bash "${PROJECT_SOURCE_DIR}/scripts/fetch-onvif-npm.sh" "${_vms_onvif_npm_dir}"
    DEPENDS "${PROJECT_SOURCE_DIR}/scripts/fetch-onvif-npm.sh"
    COMMENT "Fetching the npm onvif client into ${_vms_onvif_npm_dir}"
    VERBATIM)
add_custom_target(vms_onvif_npm DEPENDS "${_vms_onvif_npm_dir}/node_modules/.complete")

vms_add_test(NAME tst_onvif_interop LABEL e2e TIMEOUT 240
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_onvif_interop.cpp
    LIBS Vms::TestOnvifSim)
target_compile_definitions(tst_onvif_interop PRIVATE
    VMS_NODE="${VMS_NODE}"
    VMS_ONVIF_NPM_DIR="${_vms_onvif_npm_dir}"
    VMS_ONVIF_INTEROP_SCRIPT="${CMAKE_CURRENT_SOURCE_DIR}/onvif_interop.mjs")
add_dependencies(tst_onvif_interop vms_onvif_npm)
