# bench_onvif: p50/p99 of PUT /onvif/{id}/ptz and GET /onvif/{id}/image through vms-server next to
# the raw gSOAP call each makes (run by bench_onvif.sh, not by ctest). Prints figures only.
add_executable(bench_onvif ${CMAKE_CURRENT_SOURCE_DIR}/bench_onvif.cpp)
target_link_libraries(bench_onvif PRIVATE Vms::Onvif Qt6::Core Qt6::Network)
