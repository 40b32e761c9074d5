# Sanitizer builds of the whole project (kiosk, sync, tools, every test):
#
#   cmake -B build-asan -DPESTOR_SANITIZE=address   # ASan + UBSan (+ LSan), tools/sanitize.sh asan
#   cmake -B build-tsan -DPESTOR_SANITIZE=thread    # TSan,                 tools/sanitize.sh tsan
#
# Both stop at the first report (-fno-sanitize-recover), so a test that
# trips one fails. _GLIBCXX_ASSERTIONS adds libstdc++'s cheap checks
# (operator[] bounds, *optional without a value, front() of an empty
# container), which catch the same family of bugs as ASan but earlier.
# Run-time options and the (third-party only) suppressions are in
# tests/sanitizers/; ctest passes them through the environment.
set(PESTOR_SANITIZE "" CACHE STRING "Sanitizer build: empty, 'address' (ASan+UBSan) or 'thread' (TSan)")
set_property(CACHE PESTOR_SANITIZE PROPERTY STRINGS "" address thread)

# Programs that open a GL context keep Mesa's driver loaded in these builds
# (tests/sanitizers/keep_gl_driver.cpp says why).
function(pestor_sanitizer_gl_support target)
  if(PESTOR_SANITIZE)
    target_sources(${target} PRIVATE ${CMAKE_SOURCE_DIR}/tests/sanitizers/keep_gl_driver.cpp)
    target_compile_definitions(${target} PRIVATE
      PESTOR_GL_DRIVER="/usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/dri/swrast_dri.so")
    target_link_libraries(${target} PRIVATE ${CMAKE_DL_LIBS})
  endif()
endfunction()

if(PESTOR_SANITIZE STREQUAL "")
  return()
elseif(PESTOR_SANITIZE STREQUAL "address")
  set(_pestor_san_flags -fsanitize=address,undefined -fno-sanitize-recover=all)
elseif(PESTOR_SANITIZE STREQUAL "thread")
  set(_pestor_san_flags -fsanitize=thread)
else()
  message(FATAL_ERROR "PESTOR_SANITIZE must be empty, 'address' or 'thread', not '${PESTOR_SANITIZE}'")
endif()

# -O1 keeps the instrumented tests fast enough; -g1 (line tables) is all a
# report needs and links much faster than full debug info.
add_compile_options(${_pestor_san_flags} -fno-omit-frame-pointer -O1 -g1)
add_compile_definitions(_GLIBCXX_ASSERTIONS)
add_link_options(${_pestor_san_flags})
message(STATUS "PESTOR_SANITIZE=${PESTOR_SANITIZE}: ${_pestor_san_flags}")
