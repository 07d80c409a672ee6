# Builds ACTUAL from INPUT with KG and compares it with EXPECTED; with the
# environment variable KG_UPDATE_GOLDEN set, replaces EXPECTED instead.
execute_process(COMMAND ${KG} build ${INPUT} -o ${ACTUAL} --quiet
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kg build failed (${rc}): ${err}")
endif()
if(DEFINED ENV{KG_UPDATE_GOLDEN})
  file(COPY_FILE ${ACTUAL} ${EXPECTED})
  message(STATUS "updated ${EXPECTED}")
  return()
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${EXPECTED} ${ACTUAL} RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "${ACTUAL} differs from ${EXPECTED}; inspect with diff, and if the change "
                      "is intended rerun with KG_UPDATE_GOLDEN=1 and review git diff")
endif()
