#!/bin/sh
rm -f /usr/bin/scribe
