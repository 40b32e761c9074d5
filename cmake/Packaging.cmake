# What `cmake --install` puts where besides the programs (which their own
# folders install), and the Debian package CPack builds from the same rules:
#   cpack -G DEB --config BUILD/CPackConfig.cmake
# Layout (prefix /usr): /usr/bin, /usr/share/pestor-kiosk (fonts, UI
# catalogs, demo data, tour, configuration example),
# /usr/lib/systemd/system, /usr/lib/sysusers.d, /usr/lib/tmpfiles.d,
# /usr/share/doc/pestor-kiosk, /usr/share/man/man1, /etc/pestor-kiosk
# (conffiles) and /etc/pam.d/pestor-kiosk. README.md, "Install layout".

# [SECTION] Assets: what the installed kiosk reads (PESTOR_INSTALL_ASSETS_DIR)
set(_assets "${CMAKE_SOURCE_DIR}/assets")
install(FILES ${_assets}/fonts/NotoSans-Regular.ttf ${_assets}/fonts/NotoSans-Bold.ttf
              ${_assets}/fonts/NOTICE-noto.txt
        DESTINATION ${CMAKE_INSTALL_DATADIR}/pestor-kiosk/fonts)
install(DIRECTORY ${_assets}/i18n/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pestor-kiosk/i18n
        FILES_MATCHING PATTERN "*.po")
install(DIRECTORY ${_assets}/demo/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pestor-kiosk/demo
        FILES_MATCHING PATTERN "*.geojson" PATTERN "README.md")
install(DIRECTORY ${_assets}/tour/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pestor-kiosk/tour)
install(FILES ${_assets}/config/kiosk.example.toml DESTINATION ${CMAKE_INSTALL_DATADIR}/pestor-kiosk/config)

# [SECTION] systemd: units (paths filled in for this prefix), users, folders
set(_systemd "${CMAKE_SOURCE_DIR}/systemd")
set(PESTOR_BINDIR "${CMAKE_INSTALL_FULL_BINDIR}")
set(PESTOR_DOCDIR "${PESTOR_INSTALL_DOC_DIR}")
set(PESTOR_UNITS pestor-kiosk.service pestor-sync.service)
foreach(unit ${PESTOR_UNITS})
  configure_file(${_systemd}/${unit}.in ${CMAKE_BINARY_DIR}/systemd/${unit} @ONLY)
  install(FILES ${CMAKE_BINARY_DIR}/systemd/${unit} DESTINATION ${PESTOR_INSTALL_UNIT_DIR})
endforeach()
install(FILES ${_systemd}/pestor-kiosk.sysusers DESTINATION ${PESTOR_INSTALL_SYSUSERS_DIR}
        RENAME pestor-kiosk.conf)
install(FILES ${_systemd}/pestor-kiosk.tmpfiles DESTINATION ${PESTOR_INSTALL_TMPFILES_DIR}
        RENAME pestor-kiosk.conf)

# [SECTION] Settings under /etc (conffiles in the package)
install(FILES ${_assets}/config/kiosk.example.toml DESTINATION ${PESTOR_INSTALL_CONFIG_DIR}
        RENAME kiosk.toml)
install(FILES ${_systemd}/sync.conf DESTINATION ${PESTOR_INSTALL_CONFIG_DIR})
install(FILES ${_systemd}/pestor-kiosk.pam DESTINATION /etc/pam.d RENAME pestor-kiosk)

# [SECTION] Documentation: README, formats, the units' design, copyright,
# changelog and manual pages (the last two gzip -9n: no time stamp inside,
# so the package is the same from one build to the next)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/data-format.md
              ${CMAKE_SOURCE_DIR}/docs/feed.md ${CMAKE_SOURCE_DIR}/cmake/debian/copyright
        DESTINATION ${PESTOR_INSTALL_DOC_DIR})
install(FILES ${_systemd}/README.md DESTINATION ${PESTOR_INSTALL_DOC_DIR} RENAME systemd.md)
# Lintian overrides, each with its reason inside.
install(FILES ${CMAKE_SOURCE_DIR}/cmake/debian/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME pestor-kiosk)
find_program(PESTOR_GZIP gzip REQUIRED)
function(pestor_gzip source target)
  set_property(DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
  execute_process(COMMAND ${PESTOR_GZIP} -9 -n -c ${source} OUTPUT_FILE ${target}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip ${source}: failed (${rc})")
  endif()
endfunction()
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/packaging/man)
pestor_gzip(${CMAKE_SOURCE_DIR}/cmake/debian/changelog ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.gz DESTINATION ${PESTOR_INSTALL_DOC_DIR})
foreach(page pestor-kiosk pestor-sync pestor-feed)
  pestor_gzip(${CMAKE_SOURCE_DIR}/docs/man/${page}.1 ${CMAKE_BINARY_DIR}/packaging/man/${page}.1.gz)
  install(FILES ${CMAKE_BINARY_DIR}/packaging/man/${page}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()

# [SECTION] The Debian package
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pestor-kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "PES-TOR")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "PES-TOR Kiosk maintainers <kiosk@pes-tor.torun.pl>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://pes-tor.torun.pl")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touch-screen information kiosk for Toruń's social economy")
# The extended description: lines of at most 80 characters.
set(CPACK_PACKAGE_DESCRIPTION [=[
A native touch-screen terminal for the city of Toruń's social economy
directory (PES-TOR): social-economy entities, premises for NGOs, the
equipment bank, products and services, the city's demands, events and
announcements, in Polish, English and Ukrainian.
.
The package runs the kiosk full screen under the cage compositor on tty1
(pestor-kiosk.service) and keeps its local cache fresh from a signed feed
with a separate, network-only service (pestor-sync.service), each as its own
unprivileged user. The units are installed but not enabled.]=])
# Libraries found by dpkg-shlibdeps, plus what the programs need but do not
# link: the compositor the unit starts, EGL and the Mesa drivers that SDL
# loads at run time, CA certificates for the feed's TLS, and systemd's
# sysusers/tmpfiles tools for the maintainer scripts.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cage, libegl1, libgl1-mesa-dri, ca-certificates, systemd")
# The sync waits for the clock (systemd-time-wait-sync needs an NTP client).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "systemd-timesyncd | time-daemon")
set(_debian "${CMAKE_SOURCE_DIR}/cmake/debian")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${_debian}/conffiles ${_debian}/postinst ${_debian}/prerm ${_debian}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Refuses to package for another prefix than /usr (cmake/CPackChecks.cmake).
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_SOURCE_DIR}/cmake/CPackChecks.cmake)
include(CPack)
