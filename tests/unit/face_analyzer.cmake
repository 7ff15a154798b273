# FaceAnalyzer (core/analytics): detection on opencv-doc's messi5.jpg, alignment, and descriptor
# parity with face-api's own JavaScript implementation (node; tests/support/faceapi_reference.mjs).
# The models and the unpacked face-api package come from the vms_models target.
find_package(OpenCV REQUIRED COMPONENTS core imgproc imgcodecs)
vms_add_test(NAME tst_face_analyzer LABEL unit TIMEOUT 600 SOURCES tst_face_analyzer.cpp
             LIBS Vms::Analytics Qt6::Concurrent opencv_core opencv_imgproc opencv_imgcodecs)
target_include_directories(tst_face_analyzer SYSTEM PRIVATE ${OpenCV_INCLUDE_DIRS})
target_compile_definitions(tst_face_analyzer PRIVATE
    VMS_FACEAPI_REFERENCE="${PROJECT_SOURCE_DIR}/tests/support/faceapi_reference.mjs"
    VMS_TEST_FACE_IMAGE="/usr/share/doc/opencv-doc/examples/data/messi5.jpg")
set_property(TEST tst_face_analyzer APPEND PROPERTY ENVIRONMENT
    "VMS_MODEL_DIR=${VMS_MODEL_DIR}"
    "VMS_FACEAPI_DIR=${VMS_MODEL_CACHE}/face-api-1.7.15/package")
if(TARGET vms_models)
    add_dependencies(tst_face_analyzer vms_models)
endif()
