# API tests of POST /uploads/meta (§25.4): the face models come from the vms_models target, the
# face image from opencv-doc (examples/data/messi5.jpg).
vms_add_test(NAME tst_api_uploads_meta LABEL api SOURCES tst_api_uploads_meta.cpp
             LIBS vms_sites_fixture)
target_compile_definitions(tst_api_uploads_meta PRIVATE
    VMS_TEST_FACE_IMAGE="/usr/share/doc/opencv-doc/examples/data/messi5.jpg")
set_property(TEST tst_api_uploads_meta APPEND PROPERTY ENVIRONMENT "VMS_MODEL_DIR=${VMS_MODEL_DIR}")
