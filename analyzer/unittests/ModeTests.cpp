//===--- ModeTests.cpp - Which operations count in which mode -------------===//
//
// The truth table of countsIn (does an operation with this state count for a
// function entered in this mode) and modeAcross (what mode a callee called
// with this state is entered in), for every mode and GIL state, with and
// without a lock, and in a fork's child.
//
//===----------------------------------------------------------------------===//
#include "analyzer/Effects.h"
#include "gtest/gtest.h"

using namespace boundwise;

namespace {

PointState state(GilState Gil, bool Locked = false, bool InForkChild = false) {
  PointState State;
  State.Gil = Gil;
  State.Lock = Locked ? "g_mutex" : "";
  State.ForkChildOf = InForkChild ? "a.c:3:9" : "";
  return State;
}

constexpr GilState Inherit = GilState::Inherit, Held = GilState::Held,
                   Released = GilState::Released;

} // namespace

TEST(ModeTest, WhatCountsInEachMode) {
  struct Row {
    Mode M;
    bool Inherit, Held, Released;
  };
  for (const Row &R :
       {Row{Mode::Any, true, true, true}, Row{Mode::GilHeld, true, true, false},
        Row{Mode::GilReleased, true, false, true},
        Row{Mode::GilAcquired, false, true, false},
        Row{Mode::Released, false, false, true},
        Row{Mode::UnderLock, false, false, false}}) {
    EXPECT_EQ(countsIn(R.M, state(Inherit)), R.Inherit);
    EXPECT_EQ(countsIn(R.M, state(Held)), R.Held);
    EXPECT_EQ(countsIn(R.M, state(Released)), R.Released);
  }
  EXPECT_TRUE(countsIn(Mode::UnderLock, state(Inherit, /*Locked=*/true)));
}

TEST(ModeTest, AForkChildsWorkCountsInNoMode) {
  for (Mode M : {Mode::Any, Mode::GilHeld, Mode::GilReleased, Mode::GilAcquired,
                 Mode::Released, Mode::UnderLock}) {
    EXPECT_FALSE(countsIn(M, state(Held, true, /*InForkChild=*/true)));
    EXPECT_FALSE(modeAcross(M, state(Held, true, /*InForkChild=*/true)));
  }
}

TEST(ModeTest, TheModeACallCarries) {
  EXPECT_EQ(modeAcross(Mode::Any, state(Released)), Mode::Any);
  EXPECT_EQ(modeAcross(Mode::GilHeld, state(Inherit)), Mode::GilHeld);
  EXPECT_EQ(modeAcross(Mode::GilHeld, state(Released)), std::nullopt);
  EXPECT_EQ(modeAcross(Mode::GilReleased, state(Held)), std::nullopt);
  EXPECT_EQ(modeAcross(Mode::GilReleased, state(Inherit)), Mode::GilReleased);
  EXPECT_EQ(modeAcross(Mode::GilAcquired, state(Held)), Mode::GilHeld);
  EXPECT_EQ(modeAcross(Mode::GilAcquired, state(Released)), std::nullopt);
  EXPECT_EQ(modeAcross(Mode::GilAcquired, state(Inherit)), Mode::GilAcquired);
  EXPECT_EQ(modeAcross(Mode::Released, state(Released)), Mode::GilReleased);
  EXPECT_EQ(modeAcross(Mode::Released, state(Inherit)), std::nullopt);
  EXPECT_EQ(modeAcross(Mode::UnderLock, state(Inherit, /*Locked=*/true)),
            Mode::Any);
  EXPECT_EQ(modeAcross(Mode::UnderLock, state(Inherit)), Mode::UnderLock);
}
