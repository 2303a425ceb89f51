import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{c as o}from"../chunks/chunk-TRGIF6TH.js";import"../chunks/chunk-7IPBMTGV.js";import"../chunks/chunk-TXXAMIT7.js";import"../chunks/chunk-VD6BDOKT.js";import"../chunks/chunk-J3UTJFV5.js";import{a as t}from"../chunks/chunk-FLLG7OJP.js";import{c as i}from"../chunks/chunk-L2MW37RY.js";import"../chunks/chunk-NOSJUC3V.js";import"../chunks/chunk-6JHUWM2L.js";await i(o,new t);
//# sourceMappingURL=index.js.map
