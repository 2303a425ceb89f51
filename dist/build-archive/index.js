import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as o}from"../chunks/chunk-HSE3YYR2.js";import"../chunks/chunk-GZW56RIC.js";import"../chunks/chunk-2QBZJ5SJ.js";import"../chunks/chunk-2ZNWEAR6.js";import"../chunks/chunk-VRYFODYF.js";import{a as r}from"../chunks/chunk-A275GYI6.js";import{g as i}from"../chunks/chunk-KC735A2M.js";import"../chunks/chunk-6JHUWM2L.js";await i(o,new r);
//# sourceMappingURL=index.js.map
