@echo off
rem Starts Renkou in the foreground on Windows. See bin/renkou for the environment variables.
set DIST=%~dp0..
java -XX:+UseSerialGC %RENKOU_JAVA_OPTS% -jar "%DIST%\lib\renkou-launcher.jar" %*
