import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as t}from"../chunks/chunk-STPDVNCG.js";import{a as i}from"../chunks/chunk-A275GYI6.js";import{g as o}from"../chunks/chunk-KC735A2M.js";import"../chunks/chunk-6JHUWM2L.js";await o(t,new i);
//# sourceMappingURL=index.js.map
