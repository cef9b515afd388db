# cmake/store.cmake -- the store module's build steps:
# - embed src/store/schema.sql into the library as a C string (this file runs
#   itself in script mode, cmake -P, to do that at build time);
# - the PostgreSQL test fixture: `ctest` starts a throw-away server
#   (scripts/pg-test-server.sh) before the tests that need one and stops it
#   after them; they find it through DOTS_PG_URL. They share one database, so
#   they hold the "pgdb" resource lock and run one at a time under ctest -j.
if(CMAKE_SCRIPT_MODE_FILE)
  file(READ ${IN} text)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  string(REPLACE "\n" "\\n\"\n\"" text "${text}")
  file(WRITE ${OUT} "/* generated from ${IN} by cmake/store.cmake: do not edit */\n"
                    "static const char ${NAME}[] =\n\"${text}\";\n")
  return()
endif()

set(STORE_SCHEMA_H ${CMAKE_BINARY_DIR}/gen/store_schema.h)
add_custom_command(OUTPUT ${STORE_SCHEMA_H}
  COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/src/store/schema.sql
          -DOUT=${STORE_SCHEMA_H} -DNAME=store_schema_sql
          -P ${CMAKE_SOURCE_DIR}/cmake/store.cmake
  DEPENDS ${CMAKE_SOURCE_DIR}/src/store/schema.sql ${CMAKE_SOURCE_DIR}/cmake/store.cmake
  COMMENT "Embedding src/store/schema.sql")
add_custom_target(store_schema DEPENDS ${STORE_SCHEMA_H})
add_dependencies(dotslib store_schema)

# PostgreSQL: the same store suite against a server ctest starts and stops.
enable_testing()
set(PG_TEST_DIR ${CMAKE_BINARY_DIR}/pg-test)
add_test(NAME pg_server_start
         COMMAND sh ${CMAKE_SOURCE_DIR}/scripts/pg-test-server.sh start ${PG_TEST_DIR})
add_test(NAME pg_server_stop
         COMMAND sh ${CMAKE_SOURCE_DIR}/scripts/pg-test-server.sh stop ${PG_TEST_DIR})
set_tests_properties(pg_server_start PROPERTIES FIXTURES_SETUP pg)
set_tests_properties(pg_server_stop PROPERTIES FIXTURES_CLEANUP pg)
add_test(NAME test_store_pg
         COMMAND sh -c "DOTS_PG_URL=$(cat '${PG_TEST_DIR}/url') exec \"$0\"" $<TARGET_FILE:test_store>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(test_store_pg PROPERTIES FIXTURES_REQUIRED pg RESOURCE_LOCK pgdb)
add_test(NAME test_ingest_pg
         COMMAND sh -c "DOTS_PG_URL=$(cat '${PG_TEST_DIR}/url') exec bash \"$1\" \"$0\""
                 $<TARGET_FILE:dots> ${CMAKE_SOURCE_DIR}/tests/pg_ingest.sh
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(test_ingest_pg PROPERTIES FIXTURES_REQUIRED pg RESOURCE_LOCK pgdb
  ENVIRONMENT "DOTS_SHARED=${CMAKE_SOURCE_DIR}/../shared")
