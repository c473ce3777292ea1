# Install layout beyond the binaries and data (app/CMakeLists.txt installs those), and the Debian
# package. Paths are relative to the install prefix, so the same rules serve `cmake --install
# --prefix ~/.local`, a system install under /usr, and CPack. The binaries find their data at
# <exe>/../share/tokenroute/data (core/catalog/datadir.cpp), so nothing here compiles in a path.

include(GNUInstallDirs)

set(TOKENROUTE_APP_ID io.tokenroute.TokenRoute)
set(TOKENROUTE_DESKTOP_DIR ${CMAKE_CURRENT_SOURCE_DIR}/resources/desktop)

install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/installer/tokenroute-cli.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Menu entry, AppStream metadata and icons only come with the desktop application.
if(TOKENROUTE_BUILD_GUI)
  install(FILES ${TOKENROUTE_DESKTOP_DIR}/${TOKENROUTE_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${TOKENROUTE_DESKTOP_DIR}/${TOKENROUTE_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/resources/icons/tokenroute.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${TOKENROUTE_APP_ID}.svg)

  # PNG sizes are rendered from the SVG at build time, so they never drift from it.
  find_package(Qt6 REQUIRED COMPONENTS Gui Svg)
  add_executable(tokenroute_rendericon ${TOKENROUTE_DESKTOP_DIR}/rendericon.cpp)
  target_link_libraries(tokenroute_rendericon PRIVATE tokenroute_options Qt6::Gui Qt6::Svg)
  set(TOKENROUTE_ICON_PNGS)
  foreach(size 16 22 24 32 48 64 128 256)
    set(png ${CMAKE_BINARY_DIR}/icons/hicolor/${size}x${size}/apps/${TOKENROUTE_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/icons/hicolor/${size}x${size}/apps
      COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
              $<TARGET_FILE:tokenroute_rendericon> ${CMAKE_CURRENT_SOURCE_DIR}/resources/icons/tokenroute.svg ${png} ${size}
      DEPENDS tokenroute_rendericon ${CMAKE_CURRENT_SOURCE_DIR}/resources/icons/tokenroute.svg
      COMMENT "Rendering the ${size}x${size} application icon" VERBATIM)
    list(APPEND TOKENROUTE_ICON_PNGS ${png})
  endforeach()
  add_custom_target(tokenroute_icons ALL DEPENDS ${TOKENROUTE_ICON_PNGS})
  install(DIRECTORY ${CMAKE_BINARY_DIR}/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
endif()

# Debian package: tokenroute_<version>_<arch>.deb. Depends is computed by dpkg-shlibdeps from the
# installed binaries, so it names exactly the libraries they link (Qt, GLPK, OpenBLAS, SQLite, ...).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tokenroute)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "TokenRoute")
set(CPACK_PACKAGE_CONTACT "TokenRoute maintainers <maintainers@tokenroute.io>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "plans disaggregated LLM inference: where every token is computed, and why")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}
TokenRoute routes each workload's prefill and decode to pools of servers, tiers
the KV cache across memory, and shows cost, latency and the reasons. It ships a
Qt desktop application (tokenroute), a command-line tool (tokenroute-cli), and a
catalogue of accelerators, servers, links, memory tiers and models in which
every figure names its source or is marked as an estimate.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The Traditional Chinese interface needs a CJK font; everything else runs without it.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://tokenroute.io")
set(CPACK_STRIP_FILES ON)
# Only the install rules above and in app/; no build tree or source tree leaks into the package.
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/")
include(CPack)
