# Project-wide flags live on one INTERFACE target that every target links, so a flag is set once.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()

add_library(tokenroute_options INTERFACE)
target_compile_features(tokenroute_options INTERFACE cxx_std_20)
target_compile_options(tokenroute_options INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic>
  $<$<AND:$<COMPILE_LANGUAGE:CXX>,$<BOOL:${TOKENROUTE_WERROR}>>:-Werror>)
target_compile_definitions(tokenroute_options INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CONTEXTLESS_CONNECT
  TOKENROUTE_VERSION="${PROJECT_VERSION}")

# Data files are found next to the binary once installed (../share/tokenroute/data) and in the
# source tree during development; the source path is only a fallback for tests and the build tree.
set(TOKENROUTE_SOURCE_DATA_DIR "${CMAKE_SOURCE_DIR}/data")

# tokenroute_add_test(name SOURCES ... LIBS ... [GUI] [LABELS ...] [TIMEOUT s])
# One way to register every test: Qt Test executable, CTest entry, offscreen platform for GUI tests,
# and TOKENROUTE_TEST_DATA / TOKENROUTE_DATA_DIR defines pointing at fixtures and the catalogue.
function(tokenroute_add_test name)
  cmake_parse_arguments(T "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  find_package(Qt6 REQUIRED COMPONENTS Test)
  target_link_libraries(${name} PRIVATE tokenroute_options Qt6::Test ${T_LIBS})
  target_compile_definitions(${name} PRIVATE
    TOKENROUTE_TEST_DATA="${CMAKE_SOURCE_DIR}/tests/data"
    TOKENROUTE_DATA_DIR="${TOKENROUTE_SOURCE_DATA_DIR}"
    TOKENROUTE_BINARY_DIR="${CMAKE_BINARY_DIR}")
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT})
  if(T_GUI)
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
  endif()
  if(T_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
  endif()
endfunction()
