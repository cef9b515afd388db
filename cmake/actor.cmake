# cmake/actor.cmake -- the actor module's generated source: countries from
# Debian's iso-codes (JSON) plus the curated data/ files, embedded as C strings
# into ${CMAKE_BINARY_DIR}/gen/actor_data.c by a small C generator
# (cmake/actor_gen.c, built for the build machine; no python at build time).
set(ACTOR_ISO_JSON /usr/share/iso-codes/json/iso_3166-1.json CACHE FILEPATH
    "iso-codes country list (Debian package iso-codes)")
if(NOT EXISTS ${ACTOR_ISO_JSON})
  message(FATAL_ERROR "actor: ${ACTOR_ISO_JSON} not found; install the iso-codes package "
                      "(scripts/install-deps.sh) or set -DACTOR_ISO_JSON=...")
endif()

set(ACTOR_DATA_INPUTS
  ${CMAKE_SOURCE_DIR}/data/countries-extra.tsv
  ${CMAKE_SOURCE_DIR}/data/actors.tsv
  ${CMAKE_SOURCE_DIR}/data/sanctions-sample/sdn.csv
  ${CMAKE_SOURCE_DIR}/data/sanctions-sample/alt.csv
  ${CMAKE_SOURCE_DIR}/data/sanctions-sample/add.csv)

add_executable(actor_gen ${CMAKE_SOURCE_DIR}/cmake/actor_gen.c)
target_link_libraries(actor_gen PRIVATE PkgConfig::DEPS)

file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/gen)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/gen/actor_data.c
  COMMAND actor_gen ${ACTOR_ISO_JSON} ${ACTOR_DATA_INPUTS} ${CMAKE_BINARY_DIR}/gen/actor_data.c
  DEPENDS actor_gen ${ACTOR_ISO_JSON} ${ACTOR_DATA_INPUTS}
  COMMENT "Generating actor knowledge base data"
  VERBATIM)
target_sources(dotslib PRIVATE ${CMAKE_BINARY_DIR}/gen/actor_data.c)
