# bench_live_grid: the console's live grid under load (run by bench_live_grid.sh, not by ctest).
if(TARGET Vms::Ui AND TARGET vms-rtsp-test-server)
    add_executable(bench_live_grid ${CMAKE_CURRENT_SOURCE_DIR}/bench_live_grid.cpp)
    target_link_libraries(bench_live_grid PRIVATE Vms::Ui Vms::Server Qt6::Widgets)
    add_dependencies(bench_live_grid vms-rtsp-test-server)
endif()
