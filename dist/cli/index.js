#!/usr/bin/env node
import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as e}from"../chunks/chunk-3MURNCEE.js";import"../chunks/chunk-6JHUWM2L.js";e();await import("../chunks/main-5XSHKEEW.js");
//# sourceMappingURL=index.js.map
