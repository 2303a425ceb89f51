import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{c as r}from"../chunks/chunk-5S6T5WQD.js";import"../chunks/chunk-DUTYZMLL.js";import"../chunks/chunk-7IPBMTGV.js";import"../chunks/chunk-TXXAMIT7.js";import"../chunks/chunk-VD6BDOKT.js";import"../chunks/chunk-J3UTJFV5.js";import{a as t}from"../chunks/chunk-FLLG7OJP.js";import{c as o}from"../chunks/chunk-L2MW37RY.js";import"../chunks/chunk-NOSJUC3V.js";import"../chunks/chunk-6JHUWM2L.js";await o(r,new t);
//# sourceMappingURL=index.js.map
