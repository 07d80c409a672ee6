# Installs the library, its headers and a CMake package so that another
# project can say find_package(kg) and link kg::kg.
include(CMakePackageConfigHelpers)

install(TARGETS kg EXPORT kgTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/kg" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.hpp")
install(FILES "${PROJECT_BINARY_DIR}/generated/include/kg/version.hpp"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kg)
if(TARGET kg_cli)
  install(TARGETS kg_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(KG_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kg)
install(EXPORT kgTargets NAMESPACE kg:: DESTINATION ${KG_CMAKE_DIR})
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/kgConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/kgConfig.cmake"
                              INSTALL_DESTINATION ${KG_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/kgConfigVersion.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/kgConfig.cmake" "${PROJECT_BINARY_DIR}/kgConfigVersion.cmake"
        DESTINATION ${KG_CMAKE_DIR})
