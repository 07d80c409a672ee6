# Fails a test with a message: used when a consumer program is missing.
message(FATAL_ERROR "${MESSAGE}")
