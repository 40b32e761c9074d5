# Where `cmake --install` and the Debian package put things (FHS). Included
# before the subdirectories: the installed kiosk has its asset folder compiled
# in (PESTOR_INSTALL_ASSETS_DIR, kiosk/app/CMakeLists.txt).
#
# The project installs as a system package: binaries in /usr/bin, units in
# /usr/lib/systemd/system, settings in /etc/pestor-kiosk. CMake's default
# prefix, /usr/local, is turned into /usr (also in build folders configured
# before this rule); any other prefix given on the command line is kept, and
# every installed path (units, the kiosk's assets) follows it.
if(CMAKE_INSTALL_PREFIX_INITIALIZED_TO_DEFAULT OR CMAKE_INSTALL_PREFIX STREQUAL "/usr/local")
  set(CMAKE_INSTALL_PREFIX "/usr" CACHE PATH "Install prefix; a system package: /usr" FORCE)
endif()
include(GNUInstallDirs)

set(PESTOR_INSTALL_ASSETS_DIR "${CMAKE_INSTALL_FULL_DATADIR}/pestor-kiosk")
set(PESTOR_INSTALL_DOC_DIR "${CMAKE_INSTALL_FULL_DATADIR}/doc/pestor-kiosk")
# Unit and sysusers/tmpfiles folders under the prefix: /usr/lib/... for /usr
# (where Debian's systemd and lintian expect them), /usr/local/lib/... is
# searched by systemd too.
set(PESTOR_INSTALL_UNIT_DIR "${CMAKE_INSTALL_PREFIX}/lib/systemd/system")
set(PESTOR_INSTALL_SYSUSERS_DIR "${CMAKE_INSTALL_PREFIX}/lib/sysusers.d")
set(PESTOR_INSTALL_TMPFILES_DIR "${CMAKE_INSTALL_PREFIX}/lib/tmpfiles.d")
# Settings are always under /etc, whatever the prefix (the kiosk and the units
# read these exact paths).
set(PESTOR_INSTALL_CONFIG_DIR "/etc/pestor-kiosk")
