# Runs PROGRAM (with optional ARGS) and fails unless it exits 0 and its
# output matches every regular expression in the ;-separated EXPECT list.
execute_process(COMMAND ${PROGRAM} ${ARGS} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}\n${err}")
endif()
foreach(pattern IN LISTS EXPECT)
  if(NOT out MATCHES "${pattern}")
    message(FATAL_ERROR "output of ${PROGRAM} does not match '${pattern}':\n${out}")
  endif()
endforeach()
message(STATUS "output matches ${EXPECT}")
