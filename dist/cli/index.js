#!/usr/bin/env node
import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{mkdirSync as e}from"node:fs";import{enableCompileCache as i}from"node:module";import{tmpdir as c}from"node:os";import{join as t}from"node:path";try{if(!process.env.NODE_COMPILE_CACHE&&!process.env.NODE_DISABLE_COMPILE_CACHE){let o=t(c(),"node-compile-cache");try{e(o)}catch(r){if(r.code!=="EEXIST")throw r}i(o)}}catch{}await import("../chunks/main-JSSBW5HA.js");
//# sourceMappingURL=index.js.map
