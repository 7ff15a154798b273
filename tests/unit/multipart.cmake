# The strict multipart/form-data parser of POST /api/v1/uploads (server/http/multipart.h).
vms_add_test(NAME tst_multipart LABEL unit SOURCES tst_multipart.cpp LIBS Vms::Server)
