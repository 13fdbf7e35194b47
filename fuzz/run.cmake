# Runs one fuzz target for SECONDS on a scratch copy of its committed corpus (CORPUS), in WORK.
# cmake -DFUZZER=… -DCORPUS=… -DWORK=… -DSECONDS=… -P run.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus)
file(GLOB seeds ${CORPUS}/*)
file(COPY ${seeds} DESTINATION ${WORK}/corpus)
execute_process(COMMAND ${FUZZER} -max_total_time=${SECONDS} -max_len=4096 -timeout=10 -rss_limit_mb=2048
                        -print_final_stats=1 ${WORK}/corpus
                WORKING_DIRECTORY ${WORK}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(GLOB found ${WORK}/crash-* ${WORK}/leak-* ${WORK}/timeout-* ${WORK}/oom-*)
  message(FATAL_ERROR "fuzz: ${FUZZER} failed (${rc}); inputs: ${found}")
endif()
file(REMOVE_RECURSE ${WORK}/corpus)
message(STATUS "fuzz: ${FUZZER} ran ${SECONDS} s without a failure")
