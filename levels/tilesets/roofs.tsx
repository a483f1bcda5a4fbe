<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="roofs" tilewidth="32" tileheight="32" tilecount="45" columns="9">
 <image source="../../assets/tiles/roofs.png" width="288" height="160"/>
 <tile id="0" type="roof_tar_nw">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="1" type="roof_tar_n">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="2" type="roof_tar_ne">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="3" type="roof_tar_w">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="4" type="roof_tar_c">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="5" type="roof_tar_e">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="6" type="roof_tar_sw">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="7" type="roof_tar_s">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="8" type="roof_tar_se">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="9" type="roof_gravel_nw">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="10" type="roof_gravel_n">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="11" type="roof_gravel_ne">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="12" type="roof_gravel_w">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="13" type="roof_gravel_c">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="14" type="roof_gravel_e">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="15" type="roof_gravel_sw">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="16" type="roof_gravel_s">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="17" type="roof_gravel_se">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="18" type="roof_concrete_nw">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="19" type="roof_concrete_n">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="20" type="roof_concrete_ne">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="21" type="roof_concrete_w">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="22" type="roof_concrete_c">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="23" type="roof_concrete_e">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="24" type="roof_concrete_sw">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="25" type="roof_concrete_s">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="26" type="roof_concrete_se">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="27" type="roof_metal_nw">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="28" type="roof_metal_n">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="29" type="roof_metal_ne">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="30" type="roof_metal_w">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="31" type="roof_metal_c">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="32" type="roof_metal_e">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="33" type="roof_metal_sw">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="34" type="roof_metal_s">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="35" type="roof_metal_se">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="36" type="roof_terracotta_nw">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="37" type="roof_terracotta_n">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="38" type="roof_terracotta_ne">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="39" type="roof_terracotta_w">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="40" type="roof_terracotta_c">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="41" type="roof_terracotta_e">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="42" type="roof_terracotta_sw">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="43" type="roof_terracotta_s">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
 <tile id="44" type="roof_terracotta_se">
  <properties>
    <property name="solid" type="bool" value="true"/>
    <property name="surface" propertytype="Surface" value="concrete"/>
  </properties>
 </tile>
</tileset>
