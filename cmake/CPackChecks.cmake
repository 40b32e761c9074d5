# Read by cpack (CPACK_PROJECT_CONFIG_FILE): a Debian package installs into
# /usr, and the units, the kiosk's compiled-in asset folder and the
# maintainer scripts all assume it.
if(CPACK_GENERATOR STREQUAL "DEB" AND NOT CPACK_PACKAGING_INSTALL_PREFIX STREQUAL "/usr")
  message(FATAL_ERROR "pestor-kiosk: the Debian package needs CMAKE_INSTALL_PREFIX=/usr, "
                      "this build has ${CPACK_PACKAGING_INSTALL_PREFIX}; reconfigure with "
                      "-DCMAKE_INSTALL_PREFIX=/usr")
endif()
