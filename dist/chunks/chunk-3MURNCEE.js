import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as r}from"./chunk-6JHUWM2L.js";import{mkdirSync as c}from"node:fs";import{enableCompileCache as i}from"node:module";import{tmpdir as t}from"node:os";import{join as n}from"node:path";function a(){try{if(process.env.NODE_COMPILE_CACHE||process.env.NODE_DISABLE_COMPILE_CACHE)return;let o=n(t(),"node-compile-cache");try{c(o)}catch(e){if(e.code!=="EEXIST")throw e}i(o)}catch{}}r(a,"enableModuleCache");export{a};
//# sourceMappingURL=chunk-3MURNCEE.js.map
